-- Seeded against real (bench/scale-benchmark.sh, after scale-seed.sql): for every table that holds rows of the
-- template cases, the rows per case of the real cases and of the seeded ones, and whether the same columns are
-- filled (non-null) in both. A "no" or a different count means the seed does not reproduce what the engine writes.
\set ON_ERROR_STOP 1
drop table if exists bench_check;
create temp table bench_check (tbl text, real_per_case numeric, seeded_per_case numeric, same_filled_columns text);
do $$
declare
  tbl record;
  col record;
  real_rows numeric;
  seeded_rows numeric;
  real_cases numeric := (select count(*) from bench_template);
  seeded_cases numeric := (select count(*) from bench_map);
  real_filled text;
  seeded_filled text;
  nn boolean;
begin
  for tbl in select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        and (c.column_name = 'root_proc_inst_id_' or (c.column_name = 'case_id' and c.table_name like 'yishi\_%'))
      union all select 'yishi_case', 'id'
      order by 1 loop
    if tbl.column_name = 'root_proc_inst_id_' then
      execute format('create temp table r as select x.* from %I x where x.root_proc_inst_id_ in (select proc_inst_id from bench_template)', tbl.table_name);
      execute format('create temp table s as select x.* from %I x where x.root_proc_inst_id_ in (select pg_temp_sid from (select left(tpi, length(tpi) - 12) || lpad(to_hex(g), 12, ''0'') as pg_temp_sid from bench_map) q)', tbl.table_name);
    else
      execute format('create temp table r as select x.* from %I x join yishi_case c on c.%s = x.%I where c.case_no in (select case_no from bench_template)',
        tbl.table_name, 'id', tbl.column_name);
      execute format('create temp table s as select x.* from %I x join yishi_case c on c.%s = x.%I where c.case_no like ''SC-2026-%%''',
        tbl.table_name, 'id', tbl.column_name);
    end if;
    select count(*) into real_rows from r;
    select count(*) into seeded_rows from s;
    if real_rows > 0 then
      real_filled := ''; seeded_filled := '';
      for col in select column_name from information_schema.columns
          where table_schema = current_schema() and table_name = tbl.table_name order by ordinal_position loop
        execute format('select bool_or(%I is not null) from r', col.column_name) into nn;
        real_filled := real_filled || case when nn then col.column_name || ' ' else '' end;
        execute format('select bool_or(%I is not null) from s', col.column_name) into nn;
        seeded_filled := seeded_filled || case when coalesce(nn, false) then col.column_name || ' ' else '' end;
      end loop;
      insert into bench_check values (tbl.table_name, round(real_rows / real_cases, 1),
        round(seeded_rows / seeded_cases, 1), case when real_filled = seeded_filled then 'yes' else 'no: ' || seeded_filled end);
    end if;
    drop table r;
    drop table s;
  end loop;
end $$;
select * from bench_check order by tbl;
