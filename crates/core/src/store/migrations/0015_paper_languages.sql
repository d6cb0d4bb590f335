-- The city and district in Kazakh and in Russian: each form prints them in its own language,
-- as the clerk wrote them. A center set up before has only the Kazakh; its Russian starts as a
-- copy, for a supervisor to correct in the center's profile.
ALTER TABLE center RENAME COLUMN city TO city_kk;
ALTER TABLE center RENAME COLUMN district TO district_kk;
ALTER TABLE center ADD COLUMN city_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE center ADD COLUMN district_ru TEXT NOT NULL DEFAULT '';
UPDATE center SET city_ru = city_kk, district_ru = district_kk;

-- A receipt promises a date («хранится до 23.05.2027»): a copy is kept through the end of that
-- local day, not until the time of day it was certified. Copies certified before keep the date
-- their receipt printed (the local day of `keep_until`) and now leave at the midnight after it.
-- The same text form as the application writes (`2027-05-23 19:00:00+00:00`, UTC), so that
-- comparisons with it stay right.
UPDATE certified_copy
   SET keep_until = strftime('%Y-%m-%d %H:%M:%S',
                             date(keep_until, 'localtime', '+1 day'), 'utc') || '+00:00'
 WHERE removed_on IS NULL;
