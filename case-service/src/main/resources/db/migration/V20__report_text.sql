-- The report's text the team writes (issue 17): per standard its strengths, areas for improvement, cohort sections
-- and prompt facts; the recommendations; the background. One row per part holds the current version (its JSON body),
-- report_text_version every version, like answers and judgements.
create table report_text (
    id             uuid primary key,
    inspection_id  uuid        not null references inspection (id),
    part           text        not null,
    body           text        not null,
    version        int         not null,
    recorded_by    text        not null,
    recorded_at    timestamptz not null,
    unique (inspection_id, part)
);

create table report_text_version (
    id              uuid primary key,
    report_text_id  uuid        not null references report_text (id),
    version         int         not null,
    body            text        not null,
    recorded_by     text        not null,
    recorded_at     timestamptz not null,
    unique (report_text_id, version)
);
