/** Why a config was refused; each message names its line and column where it has one. */
export function ImportErrors({ errors }: { errors: string[] }) {
  return (
    <div role="alert" className="import-errors">
      <strong>This config could not be imported; your design is unchanged.</strong>
      <ul>{errors.map((e, i) => <li key={`${i}-${e}`}>{e}</li>)}</ul>
    </div>
  );
}
