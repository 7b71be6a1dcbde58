-- Trace context: the W3C traceparent of the work that wrote the row (a REST request, or the processing of an event
-- that carried one), sent as the record's traceparent header (CloudEvents distributed tracing extension). Nullable:
-- rows written outside traced work have none, and the previous release keeps working (out-of-order, as V0_2).
alter table outbox_event add column traceparent text;
