/**
 * @jest-environment jsdom
 */
import { noticeQuery, readNoticeQuery, showNoticePage } from "../../src/commands/notice";

describe("the ribbon's notice page", () => {
  it("shows the sentence it was opened with, in its language, and closes on OK", () => {
    document.body.innerHTML = '<p id="message"></p><button id="close"></button>';
    const close = jest.fn();
    const sentence = "已审核“目标分解”上的 35 个目标：发现 12 个问题 & <b>没有</b> 标签";
    showNoticePage(document, noticeQuery(sentence, "zh"), close);
    expect(document.getElementById("message")?.textContent).toBe(sentence);
    expect(document.querySelector("b")).toBeNull();
    expect(document.documentElement.lang).toBe("zh-CN");
    const button = document.getElementById("close") as HTMLButtonElement;
    expect(button.textContent).toBe("确定");
    expect(document.activeElement).toBe(button);
    button.click();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it("reads a query it did not make as English and empty", () => {
    expect(readNoticeQuery("?lang=fr")).toEqual({ message: "", lang: "en" });
    expect(readNoticeQuery(noticeQuery("a=b&c #d", "en"))).toEqual({
      message: "a=b&c #d",
      lang: "en",
    });
  });
});
