-- Membership keyed on the token's sub (team.member.added carries it once known, team.member.bound when a member
-- added by name first used the inspection); null: not bound yet, the name alone counts.
alter table team_member add column subject text;
