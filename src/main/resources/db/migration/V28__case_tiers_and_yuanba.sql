-- 三级前置把关 and 院坝 on cases (issue 13 part 3, issue 16 part 1): the 院坝 (micro-grid, yishi_yuanba.code) a report
-- names, and the party organisation that reviews the case now (a station, the community's 两委, the street's hall or
-- the county coordination mechanism; the review may be passed up or down one tier).
alter table yishi_case add column yuanba varchar(48);
alter table yishi_case add column review_group varchar(100);
