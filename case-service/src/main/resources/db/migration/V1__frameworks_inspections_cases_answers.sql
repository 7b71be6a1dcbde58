-- case-service: everything inspectors enter. Cases hold a reference, never a person's name.

-- Frameworks an admin registered (built-in ones ship with the application).
create table framework (
    id             text primary key,
    body           text        not null,
    registered_by  text        not null,
    registered_at  timestamptz not null,
    replaced_at    timestamptz
);

-- An inspection keeps a copy of its framework as it was when opened: what its answers were validated against.
create table inspection (
    id               uuid primary key,
    name             text        not null,
    region           text        not null,
    pdu              text        not null,
    framework_id     text        not null,
    framework_json   text        not null,
    fieldwork_start  date        not null,
    sample_from      date        not null,
    sample_to        date        not null,
    status           text        not null check (status in ('OPEN', 'PUBLISHED')),
    opened_by        text        not null,
    opened_at        timestamptz not null,
    published_by     text,
    published_at     timestamptz
);
create index inspection_region on inspection (lower(region));
create index inspection_framework on inspection (framework_id);

create table team_member (
    inspection_id  uuid        not null references inspection (id),
    username       text        not null,
    role           text        not null check (role in ('LEAD', 'INSPECTOR')),
    added_by       text        not null,
    added_at       timestamptz not null,
    primary key (inspection_id, username)
);
create index team_member_username on team_member (username);

create table sampled_case (
    id             uuid primary key,
    inspection_id  uuid        not null references inspection (id),
    case_ref       text        not null,
    cohort         text        not null,
    sentence_type  text        not null,
    young_adult    boolean     not null,
    gender         text        not null,
    ethnicity      text        not null,
    rosh_level     text        not null,
    start_date     date        not null,
    registered_by  text        not null,
    registered_at  timestamptz not null,
    unique (inspection_id, case_ref)
);

-- The current answer per (case, question); every version is kept in answer_version.
create table answer (
    id             uuid primary key,
    inspection_id  uuid        not null references inspection (id),
    case_id        uuid        not null references sampled_case (id),
    question_id    text        not null,
    answer         text        not null check (answer in ('YES', 'NO', 'NOT_APPLICABLE')),
    note           text,
    version        int         not null,
    recorded_by    text        not null,
    recorded_at    timestamptz not null,
    unique (case_id, question_id)
);
create index answer_inspection on answer (inspection_id);

create table answer_version (
    id               uuid primary key,
    answer_id        uuid        not null references answer (id),
    version          int         not null,
    previous_answer  text,
    answer           text        not null,
    note             text,
    recorded_by      text        not null,
    recorded_at      timestamptz not null,
    unique (answer_id, version)
);

create table judgement (
    id             uuid primary key,
    inspection_id  uuid        not null references inspection (id),
    standard_id    text        not null,
    rating         text        not null,
    rationale      text        not null,
    version        int         not null,
    recorded_by    text        not null,
    recorded_at    timestamptz not null,
    unique (inspection_id, standard_id)
);

create table judgement_version (
    id               uuid primary key,
    judgement_id     uuid        not null references judgement (id),
    version          int         not null,
    previous_rating  text,
    rating           text        not null,
    rationale        text        not null,
    recorded_by      text        not null,
    recorded_at      timestamptz not null,
    unique (judgement_id, version)
);
