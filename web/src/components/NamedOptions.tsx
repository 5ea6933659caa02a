// The <option>s of a select over named things (departments, channels, people), in the order given.
export function NamedOptions({ items }: { items: readonly { id: string; name: string }[] }) {
  return (
    <>
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
    </>
  );
}

/** People as named items (their user id is the value). */
export const asNamed = (people: readonly { userId: string; name: string }[]) =>
  people.map((p) => ({ id: p.userId, name: p.name }));
