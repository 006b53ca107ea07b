import { useState, type FormEvent } from 'react';
import { ApiError, type Deployment, type NewDeployment } from '../../../lib/api-client';
import { useCreateDeployment } from '../api/create-deployment';
import { useEnvironments, useServices } from '../api/get-catalog';

type Field = keyof NewDeployment;
const FIELDS: Field[] = ['service', 'environment', 'version', 'deployed_by'];

/**
 * New deployment. Validation is the API's: the form sends what was typed (noValidate) and
 * shows the 422 `details` next to the fields they name.
 */
export function CreateDeploymentForm({ onCreated }: { onCreated?: (d: Deployment) => void }) {
  const services = useServices();
  const environments = useEnvironments();
  const mutation = useCreateDeployment();
  const [values, setValues] = useState<NewDeployment>({
    service: '',
    environment: '',
    version: '',
    deployed_by: '',
  });
  const [created, setCreated] = useState<Deployment | null>(null);

  // Pickers default to the first entry the API lists.
  const effective: NewDeployment = {
    ...values,
    service: values.service || services.data?.[0]?.name || '',
    environment: values.environment || environments.data?.[0]?.name || '',
  };

  const apiError = mutation.error instanceof ApiError ? mutation.error : null;
  const fieldErrors: Partial<Record<Field, string>> = {};
  const otherErrors: string[] = [];
  for (const d of apiError?.details ?? []) {
    if ((FIELDS as string[]).includes(d.field)) {
      const f = d.field as Field;
      fieldErrors[f] = fieldErrors[f] ? `${fieldErrors[f]}; ${d.message}` : d.message;
    } else {
      otherErrors.push(d.field ? `${d.field}: ${d.message}` : d.message);
    }
  }

  const set = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setCreated(null);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = {
      ...effective,
      version: effective.version.trim(),
      deployed_by: effective.deployed_by.trim(),
    };
    mutation.mutate(input, {
      onSuccess: (d) => {
        setCreated(d);
        setValues((v) => ({ ...v, version: '' }));
        onCreated?.(d);
      },
    });
  };

  const describedBy = (f: Field) => (fieldErrors[f] ? `create-${f}-error` : undefined);
  const errorFor = (f: Field) =>
    fieldErrors[f] ? (
      <span className="field-error" id={`create-${f}-error`} data-testid={`error-${f}`}>
        {fieldErrors[f]}
      </span>
    ) : null;

  return (
    <section className="panel" aria-labelledby="create-title">
      <div className="panel-head">
        <h2 id="create-title">New deployment</h2>
      </div>
      <form className="create-form" onSubmit={submit} noValidate data-testid="create-form">
        <label>
          <span>Service</span>
          <select
            name="service"
            value={effective.service}
            onChange={(e) => set('service', e.target.value)}
            aria-invalid={Boolean(fieldErrors.service)}
            aria-describedby={describedBy('service')}
            data-testid="create-service"
          >
            {services.data?.map((s) => (
              <option key={s.id} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
          {errorFor('service')}
        </label>
        <label>
          <span>Environment</span>
          <select
            name="environment"
            value={effective.environment}
            onChange={(e) => set('environment', e.target.value)}
            aria-invalid={Boolean(fieldErrors.environment)}
            aria-describedby={describedBy('environment')}
            data-testid="create-environment"
          >
            {environments.data?.map((env) => (
              <option key={env.id} value={env.name}>
                {env.name}
              </option>
            ))}
          </select>
          {errorFor('environment')}
        </label>
        <label>
          <span>Version</span>
          <input
            name="version"
            type="text"
            placeholder="v1.2.3"
            autoComplete="off"
            spellCheck={false}
            value={values.version}
            onChange={(e) => set('version', e.target.value)}
            aria-invalid={Boolean(fieldErrors.version)}
            aria-describedby={describedBy('version')}
            data-testid="create-version"
          />
          {errorFor('version')}
        </label>
        <label>
          <span>Deployed by (e-mail)</span>
          <input
            name="deployed_by"
            type="email"
            placeholder="you@example.com"
            autoComplete="email"
            value={values.deployed_by}
            onChange={(e) => set('deployed_by', e.target.value)}
            aria-invalid={Boolean(fieldErrors.deployed_by)}
            aria-describedby={describedBy('deployed_by')}
            data-testid="create-deployed-by"
          />
          {errorFor('deployed_by')}
        </label>
        <button
          type="submit"
          className="btn btn-primary"
          // Until the pickers have their lists, the form would send an empty service.
          disabled={mutation.isPending || services.isPending || environments.isPending}
          data-testid="create-submit"
        >
          {mutation.isPending ? 'Creating…' : 'Create deployment'}
        </button>
        <div aria-live="polite" className="form-status">
          {mutation.isError && (
            <p className="field-error" role="alert" data-testid="create-error">
              {apiError?.status === 422
                ? 'The API rejected the deployment: fix the fields marked above.'
                : `Could not create: ${mutation.error.message}`}
              {otherErrors.length > 0 && ` ${otherErrors.join('; ')}`}
              {apiError?.status === 422 &&
                apiError.details.length === 0 &&
                ` (${apiError.message})`}
            </p>
          )}
          {created && !mutation.isError && (
            <p className="ok-msg" data-testid="create-success">
              Created #{created.id}: {created.service.name} {created.version} to{' '}
              {created.environment.name}
              {/* The status at creation goes stale at once when a worker takes it over. */}
              {created.automated ? '; a worker rolls it out now.' : ` (${created.status}).`}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
