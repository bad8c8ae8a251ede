-- 督办纠偏: the monthly report counts the results the dispatch centre rejected as false (结果不实), i.e. the
-- supervision orders of source REJECTED created in the month (see MonthlyFigures.rejectedResults).
alter table yishi_monthly_row add column rejected_results integer not null default 0;
