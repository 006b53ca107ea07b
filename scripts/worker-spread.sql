-- The last hour's rollouts per worker as one JSON document, for `stack workers --spread`
-- (scripts/lib.sh worker_spread): deployment_steps names the worker that ran each step, rollouts
-- the lease holder.
select json_build_object(
  'steps', coalesce((select json_agg(s) from (select worker, count(distinct deployment_id) as rollouts,
      count(*) filter (where step = 'done' and status = 'succeeded') as completed,
      count(*) filter (where status = 'failed') as failed, count(*) as steps
    from deployment_steps where started_at > now() - interval '1 hour' group by worker) s), '[]'),
  'leases', coalesce((select json_agg(l) from (select worker,
      string_agg(deployment_id::text, ',' order by deployment_id) as running from rollouts
    where finished_at is null and worker is not null and lease_expires_at > now() group by worker) l), '[]'),
  'totals', (select row_to_json(t) from (select count(*) as requested, count(finished_at) as finished,
      count(*) - count(finished_at) as waiting from rollouts where requested_at > now() - interval '1 hour') t));
