# Sourced by the benchmarks. A production PostgreSQL runs autovacuum (the default); this machine's server runs with
# autovacuum = off (its CI configuration, /etc/postgresql/*/main/conf.d). Without it the statistics of the tables a
# benchmark fills stay those of the empty tables, and PostgreSQL plans the engine's queries as for empty tables: the
# open cases of the scale benchmark started at 23/s instead of 58/s, a task's variables were read by scanning every
# variable of every execution (394 ms instead of 0.1 ms). So when autovacuum is off, the benchmark does its work on
# its own database: vacuum and analyze the tables that change quickly (the engine's runtime tables, the case records), once a minute.
# Usage: autovacuum_standin <database>; it stops when the benchmark's shell exits.
autovacuum_standin() {
  local db=$1
  [ "$(psql -h 127.0.0.1 -U postgres -tAc 'show autovacuum')" = off ] || return 0
  echo "PostgreSQL runs with autovacuum = off: vacuum and analyze of $db once a minute (bench/autovacuum.sh)"
  ( trap 'exit 0' TERM
    while sleep 60; do
      # the tables whose rows change by more than autovacuum's 10 % between two runs: the runtime tables and the case
      # records (the history tables of a seeded city grow by far less; the seed analyses them once)
      psql -h 127.0.0.1 -U postgres -q -d "$db" -c "vacuum (analyze) act_ru_execution, act_ru_task, act_ru_variable,
        act_ru_identitylink, act_ru_authorization, act_ru_job, act_ru_event_subscr, act_ge_bytearray, yishi_case,
        yishi_case_event, yishi_reporter, yishi_supervision_order, yishi_mail_outbox" > /dev/null 2>&1 || true
    done ) &
  AUTOVACUUM_STANDIN=$!
}
