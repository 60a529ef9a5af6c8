/**
 * ISO 639-1 (or 639-3 where there is no two-letter code) codes of languages commonly spoken by the people
 * the programmes assist. Names come from Intl.DisplayNames.
 */
export const LANGUAGE_CODES = (
  'af am ar az be bg bm bn bs ckb cs da de dyu el en es et fa ff fi fr ful ha he hi hr hu hy id ig it ja ka ' +
  'kk km kmr kn ko ku ky lb ln lo lt lv mk ml mn mnk mr ms my ne nl no om pa pl ps pt ro ru rw sd si sk sl so sq ' +
  'sr sv sw ta te tg th ti tk tl tr uk ur uz vi wo xh yo zh zu'
).split(' ');
