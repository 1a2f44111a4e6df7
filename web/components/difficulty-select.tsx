/** The difficulty levels experts pick from and students filter by. */
export const DIFFICULTIES = ["Beginner", "Intermediate", "Advanced", "All levels"] as const;

export function DifficultySelect({ defaultValue, emptyLabel }: { defaultValue: string; emptyLabel: string }) {
  return (
    <select name="difficulty" defaultValue={defaultValue}>
      <option value="">{emptyLabel}</option>
      {DIFFICULTIES.map((d) => (
        <option key={d}>{d}</option>
      ))}
    </select>
  );
}
