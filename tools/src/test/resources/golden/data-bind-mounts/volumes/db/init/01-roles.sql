grant usage on schema auth to anon;
