-- 组团 (co-handling): besides its lead unit (the case's responsible unit), a case may have co-units (协办单位), each
-- with its own task and result. The lead reports the joint result only after every co-unit has finished.
-- status OPEN while the co-unit works on it, FINISHED once it reported its result.
create table yishi_case_co_unit (
    case_id      bigint        not null references yishi_case (id),
    unit         varchar(64)   not null,
    status       varchar(16)   not null,
    assigned_by  varchar(64)   not null,
    assigned_at  timestamp with time zone not null,
    result       varchar(2000),
    finished_by  varchar(64),
    finished_at  timestamp with time zone,
    constraint pk_case_co_unit primary key (case_id, unit)
);
-- which cases a unit co-handles (privacy by role: a co-unit reads the cases it co-handles)
create index ix_case_co_unit_unit on yishi_case_co_unit (unit, case_id);
