-- The traceparent of the first change a pending snapshot covers (set when snapshot_dirty turns true), so the
-- rating.snapshot it becomes carries the trace of the request that caused it. Nullable: untraced work has none.
alter table inspection add column snapshot_trace text;
