// Instants of API datetimes, read without a zone: the text carries its offset.

const DAY_MS = 86_400_000;

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Milliseconds of an ISO datetime with an offset (`2026-04-08T14:30:00+03:00`, `…Z`, optional fraction).
 * The API's own shape is read by hand (reports read hundreds of thousands of them; Date.parse is several times
 * slower); anything else goes to Date.parse.
 */
export function instantOf(iso: string): number {
  const n = iso.length;
  if (n < 20 || iso.charCodeAt(10) !== 84 /* T */ || iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58)
    return Date.parse(iso);
  const y = digits(iso, 0, 4);
  const mo = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  const h = digits(iso, 11, 2);
  const mi = digits(iso, 14, 2);
  const s = digits(iso, 17, 2);
  let i = 19;
  let ms = 0;
  if (iso.charCodeAt(i) === 46 /* . */) {
    let scale = 100;
    for (i++; i < n; i++) {
      const c = iso.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      ms += c * scale;
      scale /= 10;
    }
    ms = Math.floor(ms);
  }
  let offset = 0;
  const sign = iso.charCodeAt(i);
  if (sign === 90 /* Z */ && i === n - 1) offset = 0;
  else if ((sign === 43 || sign === 45) && i === n - 6 && iso.charCodeAt(i + 3) === 58) {
    offset = (digits(iso, i + 1, 2) * 60 + digits(iso, i + 4, 2)) * (sign === 45 ? -60_000 : 60_000);
  } else return Date.parse(iso);
  if (
    iso.charCodeAt(4) !== 45 ||
    iso.charCodeAt(7) !== 45 ||
    !(mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59 && s <= 59) ||
    Number.isNaN(offset)
  )
    return Date.parse(iso);
  return daysFromCivil(y, mo, d) * DAY_MS + h * 3_600_000 + mi * 60_000 + s * 1000 + ms - offset;
}

// Hinnant's days_from_civil, as report/compute/calendar.ts's dayOf does on a date's text.
function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
