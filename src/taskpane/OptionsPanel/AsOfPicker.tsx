import * as React from "react";
import { CalendarStrings, DayOfWeek } from "@fluentui/react-calendar-compat";
import { DatePicker, DatePickerProps } from "@fluentui/react-datepicker-compat";
import { Lang } from "../../domain";
import { useLang, useText } from "../context";

/** "2026-06-30" as a local date, or null when the text is no such day (2026-02-30 included). */
export function isoDay(text: string): Date | null {
  const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day
    ? date
    : null;
}

/** The picker's text of a date. */
function formatDate(date?: Date | null): string {
  return date ? isoText(date) : "";
}

/** A local date as "YYYY-MM-DD", the form the options keep. */
export function isoText(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Month and weekday names in the pane's language, from the platform's own (Intl), long and short. */
function names(lang: Lang): Pick<CalendarStrings, "months" | "shortMonths" | "days" | "shortDays"> {
  const locale = lang === "zh" ? "zh-CN" : "en-US";
  const month = (style: "long" | "short") => (index: number) =>
    new Intl.DateTimeFormat(locale, { month: style, timeZone: "UTC" }).format(
      new Date(Date.UTC(2026, index, 1))
    );
  // 2026-01-04 is a Sunday: the calendar's days start on Sunday.
  const day = (style: "long" | "narrow") => (index: number) =>
    new Intl.DateTimeFormat(locale, { weekday: style, timeZone: "UTC" }).format(
      new Date(Date.UTC(2026, 0, 4 + index))
    );
  const twelve = Array.from({ length: 12 }, (_, index) => index);
  const seven = Array.from({ length: 7 }, (_, index) => index);
  return {
    months: twelve.map(month("long")),
    shortMonths: twelve.map(month("short")),
    days: seven.map(day("long")),
    shortDays: seven.map(day("narrow")),
  };
}

/** How the calendar writes a month and a day in Chinese ("2026年12月"), as the platform writes them in English. */
const ZH_FORMATTER: NonNullable<DatePickerProps["dateTimeFormatter"]> = {
  formatDay: (date) => String(date.getDate()),
  formatMonth: (date) => `${date.getMonth() + 1}月`,
  formatYear: (date) => `${date.getFullYear()}年`,
  formatMonthDayYear: (date) =>
    `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`,
  formatMonthYear: (date) => `${date.getFullYear()}年${date.getMonth() + 1}月`,
};

/**
 * The as-of date: typed as YYYY-MM-DD or picked from a calendar (Fluent's DatePicker), in the pane's language, the
 * week starting on Monday in Chinese. Blank is allowed (then the pane judges against today). Text that is no date
 * is not taken: the field keeps the date it showed and `onRejected` says what was typed.
 */
export function AsOfPicker(props: {
  name: string;
  text: string;
  onText: (text: string) => void;
  onRejected: (typed: string | null) => void;
}): React.JSX.Element {
  const lang = useLang();
  const t = useText();
  const typed = React.useRef("");
  const { onText, onRejected } = props;
  const strings = React.useMemo<CalendarStrings>(
    () => ({
      ...names(lang),
      goToToday: t("calendar.goToToday"),
      prevMonthAriaLabel: t("calendar.prevMonth"),
      nextMonthAriaLabel: t("calendar.nextMonth"),
      prevYearAriaLabel: t("calendar.prevYear"),
      nextYearAriaLabel: t("calendar.nextYear"),
      prevYearRangeAriaLabel: t("calendar.prevYears"),
      nextYearRangeAriaLabel: t("calendar.nextYears"),
      closeButtonAriaLabel: t("calendar.close"),
      selectedDateFormatString: t("calendar.selected", { date: "{0}" }),
      todayDateFormatString: t("calendar.today", { date: "{0}" }),
      monthPickerHeaderAriaLabel: t("calendar.monthHeader", { date: "{0}" }),
      yearPickerHeaderAriaLabel: t("calendar.yearHeader", { date: "{0}" }),
      weekNumberFormatString: t("calendar.weekNumber", { date: "{0}" }),
      dayMarkedAriaLabel: t("calendar.marked"),
    }),
    [lang, t]
  );
  // Stable between renders: the picker puts its text back to the value's whenever either changes, which would wipe
  // what is being typed each time the pane re-renders (a live audit, say).
  const value = React.useMemo(() => isoDay(props.text), [props.text]);
  return (
    <DatePicker
      name={props.name}
      allowTextInput
      // A click places the cursor for typing; the calendar opens from its icon, or with Enter.
      openOnClick={false}
      placeholder="YYYY-MM-DD"
      value={value}
      formatDate={formatDate}
      parseDateFromString={(text) => {
        typed.current = text;
        return isoDay(text);
      }}
      onSelectDate={(date) => {
        if (date) onText(isoText(date));
        else if (typed.current.trim() === "") onText("");
      }}
      onValidationResult={(result) => {
        onRejected(result.error === "invalid-input" ? typed.current : null);
        typed.current = "";
      }}
      strings={strings}
      firstDayOfWeek={lang === "zh" ? DayOfWeek.Monday : DayOfWeek.Sunday}
      {...(lang === "zh" ? { dateTimeFormatter: ZH_FORMATTER } : {})}
      showGoToToday
      // One column, months over the days: side by side the calendar is wider than a 350 px pane.
      showMonthPickerAsOverlay
    />
  );
}
