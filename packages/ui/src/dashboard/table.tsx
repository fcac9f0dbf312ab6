import type { ReactNode } from 'react';

/** One column: its header and what each row shows in it. */
export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Names the cell as `data-field`, for tests and scripts that read one value. */
  field?: string;
  className?: (row: T) => string | undefined;
}

/**
 * The dashboard's one table: a caption for screen readers, column headers, and a region that scrolls sideways
 * inside itself on a narrow window and takes the focus so a keyboard can scroll it.
 */
export function Table<T>(props: {
  label: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** `data-*` attributes of a row, for tests and scripts that find one. */
  rowData?: (row: T) => Record<`data-${string}`, string>;
}) {
  const { columns } = props;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to scroll by keyboard
    <section className="tv-scroll" aria-label={props.label} tabIndex={0}>
      <table className="tv-table">
        <caption className="tv-visually-hidden">{props.label}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)} {...props.rowData?.(row)}>
              {columns.map((column) => (
                <td key={column.header} data-field={column.field} className={column.className?.(row)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
