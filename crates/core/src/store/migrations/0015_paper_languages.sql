-- The city and district in Kazakh and in Russian: each form prints them in its own language,
-- as the clerk wrote them. A center set up before has only the Kazakh; its Russian starts as a
-- copy, for a supervisor to correct in the center's profile.
ALTER TABLE center RENAME COLUMN city TO city_kk;
ALTER TABLE center RENAME COLUMN district TO district_kk;
ALTER TABLE center ADD COLUMN city_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE center ADD COLUMN district_ru TEXT NOT NULL DEFAULT '';
UPDATE center SET city_ru = city_kk, district_ru = district_kk;

