-- City-scale benchmark: N closed cases with their history, copied from real cases (bench/scale-benchmark.sh).
-- Input: psql variables n (cases), first, last (see below) (1, or n0 + 1 to add cases n0 + 1 … n to a seeded database) and
-- communities; the table bench_template(k, case_no, community, proc_inst_id,
-- end_time) naming real cases that the engine ran to completion (ScaleLoad cases). Every row the engine and the
-- application wrote for those cases — each table with ROOT_PROC_INST_ID_ (history, history byte arrays) and each
-- yishi_* table with a case_id — is copied for case g = 1..n from template g % k:
--   ids of instances, executions, activity instances, tasks, variables, byte arrays and operations get the node part
--   of their time-based UUID replaced by g (so they never meet an id the engine makes), definition ids stay;
--   timestamps move so that the case ended (now − g/n × 365 days): REMOVAL_TIME_ (end + historyTimeToLive) moves with
--   them, so about half of the cases are past their time to live at P180D;
--   the business key and the case number become SC-2026-<g>, the community c<1 + g % communities> (also inside
--   text: task names, variable values, candidate groups); numeric ids of yishi_* rows come from their identity.
-- bench/scale-check.sql compares seeded and real rows per case.
\set ON_ERROR_STOP 1
-- last (default n): seed only cases first … last, so that a large n can be written in chunks of one transaction each
\if :{?last}
\else
\set last :n
\endif

create or replace function pg_temp.sid(v text, g int) returns text language sql immutable as $$
  select case when v is null then null
    when v ~ '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      then left(v, length(v) - 12) || lpad(to_hex(g), 12, '0')
    else v || '-' || g end $$;

create or replace function pg_temp.subst(v text, tcase text, ncase text, tcomm text, ncomm text) returns text
  language sql immutable as $$
  select case when v is null then null
    else regexp_replace(replace(v, tcase, ncase), '\m' || tcomm || '\M', ncomm, 'g') end $$;

-- whether a text column of the template rows holds a case number or community code at all: only those are rewritten
-- (the rest are copied as they are, which is most of the seed's time saved); src joins the table as x to the
-- templates t
create or replace function pg_temp.holds_codes(src text, col text) returns boolean language plpgsql as $$
declare found boolean;
begin
  execute format('select exists (select 1 from %s where strpos(x.%I::text, t.case_no) > 0 or x.%I::text ~ (%L || t.community || %L))',
    src, col, col, '\m', '\M') into found;
  return found;
end $$;

-- the cases of this chunk (a temporary table: chunks may be seeded in parallel sessions)
create temp table bench_chunk as
select g, t.proc_inst_id as tpi, t.case_no as tcase, t.community as tcomm,
       'SC-2026-' || lpad(g::text, 7, '0') as ncase,
       'c' || lpad((1 + g % :communities)::text, 4, '0') as ncomm,
       (now() - (g::double precision / :n) * interval '365 days') - t.end_time as shift
from generate_series(:first, :last) g
join bench_template t on t.k = g % (select count(*) from bench_template);
create index on bench_chunk (tpi);
create index on bench_chunk (tcase);
analyze bench_chunk;

do $$
declare
  tbl record;
  col record;
  cols text;
  exprs text;
  id_cols text[] := array['id_', 'proc_inst_id_', 'root_proc_inst_id_', 'execution_id_', 'act_inst_id_',
    'parent_act_inst_id_', 'task_id_', 'call_proc_inst_id_', 'super_process_instance_id_', 'super_execution_id_',
    'bytearray_id_', 'var_inst_id_', 'operation_id_', 'root_dec_inst_id_', 'dec_inst_id_', 'proc_inst_id',
    'process_instance_id'];
  text_cols_with_codes text[] := array['group_id_', 'user_id_', 'assignee_', 'owner_'];
  n_rows bigint;
begin
  -- the engine's tables: every table with ROOT_PROC_INST_ID_ that holds rows of a template case
  for tbl in select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.table_schema = current_schema() and c.column_name = 'root_proc_inst_id_' and t.table_type = 'BASE TABLE'
      order by 1 loop
    execute format('select count(*) from %I x where x.root_proc_inst_id_ in (select proc_inst_id from bench_template)',
      tbl.table_name) into n_rows;
    continue when n_rows = 0;
    cols := ''; exprs := '';
    for col in select column_name, data_type from information_schema.columns
        where table_schema = current_schema() and table_name = tbl.table_name order by ordinal_position loop
      cols := cols || case when cols = '' then '' else ', ' end || quote_ident(col.column_name);
      exprs := exprs || case when exprs = '' then '' else ', ' end || case
        when col.column_name = any(id_cols) then format('pg_temp.sid(x.%I, m.g)', col.column_name)
        when col.column_name = 'business_key_' then 'm.ncase'
        when col.data_type like 'timestamp%' then format('x.%I + m.shift', col.column_name)
        when col.data_type in ('character varying', 'text')
             and (col.column_name not like '%id\_' or col.column_name = any(text_cols_with_codes))
             and pg_temp.holds_codes(format('%I x join bench_template t on x.root_proc_inst_id_ = t.proc_inst_id',
               tbl.table_name), col.column_name)
          then format('pg_temp.subst(x.%I, m.tcase, m.ncase, m.tcomm, m.ncomm)', col.column_name)
        else format('x.%I', col.column_name) end;
    end loop;
    execute format('insert into %I (%s) select %s from %I x join bench_chunk m on x.root_proc_inst_id_ = m.tpi',
      tbl.table_name, cols, exprs, tbl.table_name);
    get diagnostics n_rows = row_count;
    raise notice '%: % rows', tbl.table_name, n_rows;
  end loop;

  -- the case records
  cols := ''; exprs := '';
  for col in select column_name, data_type from information_schema.columns
      where table_schema = current_schema() and table_name = 'yishi_case' and column_name <> 'id'
      order by ordinal_position loop
    cols := cols || case when cols = '' then '' else ', ' end || quote_ident(col.column_name);
    exprs := exprs || case
      when col.column_name = 'case_no' then 'm.ncase'
      when col.column_name = 'community' then 'm.ncomm'
      when col.column_name = 'process_instance_id' then 'pg_temp.sid(x.process_instance_id, m.g)'
      when col.column_name = 'external_id' then $q$x.external_id || '-' || m.g$q$
      when col.data_type like 'timestamp%' then format('x.%I + m.shift', col.column_name)
      when col.data_type in ('character varying', 'text')
           and pg_temp.holds_codes('yishi_case x join bench_template t on t.case_no = x.case_no', col.column_name)
        then format('pg_temp.subst(x.%I, m.tcase, m.ncase, m.tcomm, m.ncomm)', col.column_name)
      else format('x.%I', col.column_name) end;
    exprs := exprs || ', ';
  end loop;
  exprs := left(exprs, length(exprs) - 2);
  execute format('insert into yishi_case (%s) select %s from yishi_case x join bench_chunk m on x.case_no = m.tcase',
    cols, exprs);
  get diagnostics n_rows = row_count;
  raise notice 'yishi_case: % rows', n_rows;

  -- every yishi_* table with a case_id that holds rows of a template case
  for tbl in select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.table_schema = current_schema() and c.column_name = 'case_id' and c.table_name like 'yishi\_%'
        and t.table_type = 'BASE TABLE' order by 1 loop
    execute format('select count(*) from %I x join yishi_case c on c.id = x.case_id
      where c.case_no in (select case_no from bench_template)', tbl.table_name) into n_rows;
    continue when n_rows = 0;
    cols := ''; exprs := '';
    for col in select column_name, data_type, is_identity, column_default from information_schema.columns
        where table_schema = current_schema() and table_name = tbl.table_name order by ordinal_position loop
      continue when col.is_identity = 'YES' or coalesce(col.column_default, '') like 'nextval%';
      cols := cols || case when cols = '' then '' else ', ' end || quote_ident(col.column_name);
      exprs := exprs || case when exprs = '' then '' else ', ' end || case
        when col.column_name = 'case_id' then 'nc.id'
        when col.column_name in ('token', 'token_hash') then format($q$md5(x.%I || m.g) || md5(m.g || x.%I)$q$,
          col.column_name, col.column_name)
        when col.column_name = any(id_cols) then format('pg_temp.sid(x.%I, m.g)', col.column_name)
        when col.data_type like 'timestamp%' then format('x.%I + m.shift', col.column_name)
        when col.data_type in ('character varying', 'text')
             and pg_temp.holds_codes(format('%I x join yishi_case c on c.id = x.case_id join bench_template t on t.case_no = c.case_no',
               tbl.table_name), col.column_name)
          then format('pg_temp.subst(x.%I, m.tcase, m.ncase, m.tcomm, m.ncomm)', col.column_name)
        else format('x.%I', col.column_name) end;
    end loop;
    execute format('insert into %I (%s) select %s from %I x join yishi_case tc on tc.id = x.case_id
      join bench_chunk m on m.tcase = tc.case_no join yishi_case nc on nc.case_no = m.ncase',
      tbl.table_name, cols, exprs, tbl.table_name);
    get diagnostics n_rows = row_count;
    raise notice '%: % rows', tbl.table_name, n_rows;
  end loop;
end $$;

analyze;

-- the chunk's cases for bench/scale-check.sql (-v keep_map=1: the first chunk of a run)
\if :{?keep_map}
drop table if exists bench_map;
create table bench_map as select * from bench_chunk;
\endif
