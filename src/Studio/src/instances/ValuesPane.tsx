import { memo } from "react";
import type { InstanceDetails } from "../api/instances";

const Sections = [
  { key: "inputs", title: "Inputs", empty: "The flow was started with no inputs." },
  { key: "variables", title: "Variables", empty: "The flow declares no variables." },
  { key: "outputs", title: "Outputs", empty: "No outputs (a Finish activity sets them)." },
] as const;

/** What a run worked with and produced: the flow's inputs, its variables as they are now (final once it ended) and its outputs. */
export const ValuesPane = memo(function ValuesPane({ details }: { details: InstanceDetails }) {
  return (
    <div className="values-pane">
      {Sections.map(({ key, title, empty }) => {
        const values = Object.entries(details[key] ?? {});
        return (
          <section key={key} aria-label={title}>
            <h3>{title}</h3>
            {values.length === 0 ? (
              <p className="muted">{empty}</p>
            ) : (
              <table className="values-table">
                <tbody>
                  {values.map(([name, value]) => (
                    <tr key={name}>
                      <th scope="row">{name}</th>
                      <td><pre>{JSON.stringify(value, null, 2)}</pre></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
});
