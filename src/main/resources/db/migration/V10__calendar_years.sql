-- Calendar years loaded while running (POST /api/calendar/years): the State Council's notice of a year, its public
-- holidays and adjusted working days (调休上班). Shared by every node; a year here replaces the same year of the
-- calendar file (yishi.calendar.location).
create table yishi_calendar_year (
    calendar_year integer      not null primary key,
    holiday_days  integer      not null,
    working_days  integer      not null,
    loaded_at     timestamp with time zone not null,
    loaded_by     varchar(64)  not null
);
create table yishi_calendar_date (
    calendar_date date         not null primary key,
    calendar_year integer      not null references yishi_calendar_year (calendar_year),
    kind          varchar(16)  not null,
    name          varchar(64)  not null
);
create index ix_calendar_date_year on yishi_calendar_date (calendar_year);

-- When a case's deadline was counted from, so that it can be counted anew when a year's holidays are loaded.
alter table yishi_case add column deadline_from timestamp with time zone;
