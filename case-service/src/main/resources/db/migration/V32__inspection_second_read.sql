-- Whether any case of the inspection has a second reading: every changed first answer asks whether agreement must
-- be announced again, and for the many inspections without second readings this column answers without a query.
alter table inspection add column second_read boolean not null default false;
update inspection set second_read = exists (select 1 from second_reading r where r.inspection_id = inspection.id);
