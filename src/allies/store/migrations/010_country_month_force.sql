-- Acts of force (CAMEO 18-20) among each country-month's counted events: a third
-- country counts as a side's adversary only when force passed between them, so
-- that sanctions or harsh words between partners do not make "cooperating with
-- the other's adversary". The relations cache is rebuilt (cache version 6).
ALTER TABLE rel_country_months ADD COLUMN force BIGINT;
