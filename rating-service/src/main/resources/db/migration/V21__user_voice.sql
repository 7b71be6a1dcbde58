-- User Voice figures from feedback-events (feedback.summarised) for the report: version 0 is the team's live summary,
-- version n the summary of publication n as viewers get it. Not part of the case-events projection (a rebuild keeps it).
create table user_voice (
    inspection_id        uuid    not null,
    publication_version  integer not null,
    template_id          text    not null,
    figures              text    not null,
    primary key (inspection_id, publication_version, template_id)
);
