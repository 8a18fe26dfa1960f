/** TypeORM answers an UPDATE ... RETURNING on PostgreSQL with [rows, affected]; a SELECT or INSERT with the rows. */
export const rowsOf = <T>(result: T[] | [T[], number]): T[] => (Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]));
