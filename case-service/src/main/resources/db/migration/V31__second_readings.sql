-- Quality assurance (issue 20): a blind second reading of sampled cases. Second answers never enter the ratings;
-- a resolution keeps or changes the first answer (a change is an ordinary answer, with its own history).
create table second_reading (
    id              uuid primary key,
    inspection_id   uuid        not null references inspection (id),
    case_id         uuid        not null unique references sampled_case (id),
    reader          text        not null,
    reader_subject  text,
    assigned_by     text        not null,
    assigned_at     timestamptz not null
);
create index second_reading_inspection on second_reading (inspection_id);
create index second_reading_reader on second_reading (inspection_id, reader);

create table second_answer (
    id                 uuid primary key,
    second_reading_id  uuid        not null references second_reading (id),
    question_id        text        not null,
    answer             text        not null check (answer in ('YES', 'NO', 'NOT_APPLICABLE')),
    version            integer     not null,
    recorded_at        timestamptz not null,
    unique (second_reading_id, question_id)
);

-- One resolution per disagreement; the first answer as it was, so agreement is measured on the two readings.
create table second_reading_resolution (
    id                 uuid primary key,
    second_reading_id  uuid        not null references second_reading (id),
    question_id        text        not null,
    first_answer       text        not null,
    first_by           text        not null,
    second_answer      text        not null,
    outcome            text        not null check (outcome in ('KEPT', 'CHANGED')),
    answer             text        not null,
    reason             text        not null,
    resolved_by        text        not null,
    resolved_at        timestamptz not null,
    unique (second_reading_id, question_id)
);
