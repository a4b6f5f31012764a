/** ltree labels allow only letters, digits and underscores on PostgreSQL 15, so ids lose their dashes. */
export function pathLabel(id: string): string {
  return id.replaceAll('-', '');
}

export function childPath(parentPath: string | null, id: string): string {
  return parentPath ? `${parentPath}.${pathLabel(id)}` : pathLabel(id);
}
