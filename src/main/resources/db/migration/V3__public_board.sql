-- The public board asks, per community, whether anything changed (for ETag) and lists recent cases.
create index ix_case_community_updated on yishi_case (community, updated_at);
