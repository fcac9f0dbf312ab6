import { type FormEvent, useRef, useState } from 'react';
import type { PageProvider } from '../shared/api-client.js';
import { strings } from '../strings.js';

/** As the vault checks them: at most this long, and matching the preset's pattern whole. */
const MAX_VALUE_LENGTH = 253;

/** Why `value` would be refused by the vault, or null when it passes the preset's own pattern. */
export function paramProblem(pattern: string, description: string, value: string): string | null {
  if (value === '') return strings.paramMissing;
  if (value.length > MAX_VALUE_LENGTH || !new RegExp(`^(?:${pattern})$`).test(value)) {
    return strings.paramInvalid(description);
  }
  return null;
}

/** The per-account values a preset needs (a Shopify shop, a Zoho data centre), checked before the page is left. */
export function ParamForm(props: {
  provider: PageProvider;
  onSubmit: (values: Record<string, string>) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(props.provider.params.map((p) => [p.name, p.default ?? ''])),
  );
  const [problems, setProblems] = useState<Record<string, string | null>>({});
  const form = useRef<HTMLFormElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = Object.fromEntries(
      props.provider.params.map((p) => [p.name, paramProblem(p.pattern, p.description, (values[p.name] ?? '').trim())]),
    );
    setProblems(found);
    const first = props.provider.params.find((p) => found[p.name]);
    if (first) {
      form.current?.querySelector<HTMLInputElement>(`#tv-param-${first.name}`)?.focus();
      return;
    }
    props.onSubmit(Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.trim()])));
  }

  return (
    <form ref={form} onSubmit={submit} noValidate>
      {props.provider.params.map((param) => {
        const problem = problems[param.name];
        return (
          <div className="tv-field" key={param.name}>
            <label className="tv-label" htmlFor={`tv-param-${param.name}`}>
              {param.description.charAt(0).toUpperCase() + param.description.slice(1)}
            </label>
            <input
              id={`tv-param-${param.name}`}
              name={param.name}
              className="tv-input"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={values[param.name] ?? ''}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `tv-param-${param.name}-error` : undefined}
              onChange={(event) => setValues({ ...values, [param.name]: event.target.value })}
            />
            {problem && (
              <p className="tv-field-error" id={`tv-param-${param.name}-error`}>
                {problem}
              </p>
            )}
          </div>
        );
      })}
      <div className="tv-actions">
        <button type="submit" className="tv-button">
          {strings.continue}
        </button>
        <button type="button" className="tv-button tv-secondary" onClick={props.onCancel}>
          {strings.cancel}
        </button>
      </div>
    </form>
  );
}
