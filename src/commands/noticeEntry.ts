/** Entry of notice.html: shows the sentence and closes through the dialog API when OK is pressed. */
import { askToCloseNotice, whenOfficeReady } from "../excel/host";
import { showNoticePage } from "./notice";

whenOfficeReady(() => showNoticePage(document, location.search, askToCloseNotice));
