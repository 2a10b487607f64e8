/*
 * Stands in for office-addin-manifest under Jest: office-addin-mock imports it only for the OfficeApp enum, and the
 * real package pulls in an ES-module-only dependency that Jest on Node 20 cannot require.
 */
const OfficeApp = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
};
module.exports = { OfficeApp };
