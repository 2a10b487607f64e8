import { strFromU8, unzipSync } from "fflate";
import { crc32, readZipDirectory, writeZip } from "../../src/xlsx/zip";

describe("the zip writer", () => {
  it("writes a text bigger than one encoding step piece by piece, an emoji across the step kept whole", () => {
    // 2^22 characters a step: the first step ends inside the emoji's surrogate pair.
    const text = `${"a".repeat((1 << 22) - 1)}😀${"中".repeat(1000)}`;
    const zip = writeZip([
      { name: "big.xml", text },
      { name: "small.xml", text: "" },
    ]);
    const parts = unzipSync(zip);
    expect(strFromU8(parts["big.xml"] as Uint8Array)).toBe(text);
    expect(strFromU8(parts["small.xml"] as Uint8Array)).toBe("");
    const [big] = readZipDirectory(zip);
    const bytes = parts["big.xml"] as Uint8Array;
    expect({ size: big?.size, crc: big?.crc }).toEqual({ size: bytes.length, crc: crc32(bytes) });
  });

  it("continues a CRC over pieces as over the whole", () => {
    const bytes = new TextEncoder().encode("The quick brown fox jumps over the lazy dog");
    expect(crc32(bytes)).toBe(0x414fa339);
    expect(crc32(bytes.subarray(10), crc32(bytes.subarray(0, 10)))).toBe(0x414fa339);
  });
});
