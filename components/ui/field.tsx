import { useId } from "react";

/** The look of every text control of a form: border, focus ring, red border when invalid. */
export const CONTROL_CLASS =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none aria-[invalid=true]:border-accent-600";

interface ControlProps {
  id: string;
  className: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/**
 * A label, any control (input, select, textarea: drawn by `children` with the props given) and
 * its hint and errors, wired up for screen readers.
 */
export function LabelledControl({ label, errors, hint, className, children }: { label: string; errors?: string[]; hint?: string; className?: string; children: (props: ControlProps) => React.ReactNode }) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, className: CONTROL_CLASS, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-accent-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

interface FieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
}

/** A labelled input with its hint and errors wired up for screen readers. */
export function Field({ label, name, errors, hint, className, ...input }: FieldProps) {
  return (
    <LabelledControl label={label} errors={errors} hint={hint} className={className}>
      {(control) => <input name={name} {...control} {...input} />}
    </LabelledControl>
  );
}
