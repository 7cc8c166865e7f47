import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection';

type BulkTable = 'department' | 'manager' | 'client' | 'contact' | 'purchase' | 'interaction' | 'task';

/**
 * Prepared statements for generated and imported data, where the query
 * builder's per-row object work adds up over a million rows. Callers wrap
 * these in a transaction.
 */
export function bulkInserter(db: Db): Record<BulkTable, Statement> {
  const s = db.sqlite;
  return {
    department: s.prepare(`INSERT INTO departments (name) VALUES (?)`),
    manager: s.prepare(`INSERT INTO managers (name, email, department_id) VALUES (?, ?, ?)`),
    client: s.prepare(`INSERT INTO clients (code, name, type_id, status, manager_id, department_id, country, city, email, phone,
      potential_annual, reputation, innovator, demanding, key_potential, referred_by_id, source, profile)
      VALUES (@code, @name, @typeId, @status, @managerId, @departmentId, @country, @city, @email, @phone,
      @potentialAnnual, @reputation, @innovator, @demanding, @keyPotential, @referredById, @source, @profile)`),
    contact: s.prepare(`INSERT INTO contacts (client_id, name, level, role, reports_to_id, birthday, family, hobbies, food_preferences,
      preferred_channel, language, email, phone)
      VALUES (@clientId, @name, @level, @role, @reportsToId, @birthday, @family, @hobbies, @foodPreferences,
      @preferredChannel, @language, @email, @phone)`),
    purchase: s.prepare(`INSERT INTO purchases (client_id, date, invoice, product, quantity, unit_price, amount, currency)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    interaction: s.prepare(`INSERT INTO interactions (client_id, contact_id, kind, date, summary, outcome) VALUES (?, ?, ?, ?, ?, ?)`),
    task: s.prepare(`INSERT INTO tasks (client_id, contact_id, title, due_date, done_at) VALUES (?, ?, ?, ?, ?)`),
  };
}
