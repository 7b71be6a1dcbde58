-- Team membership is keyed on the token's stable sub (the username is shown, not trusted): the opener's at once, a
-- member added by name from their first use (then team.member.bound). Null: not used yet.
alter table team_member add column subject text;
