import type { UserRole } from '@nguon/shared';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { useT } from '@/lib/i18n';

const TONES: Record<UserRole, BadgeTone> = { admin: 'info', inspector: 'warning', member: 'neutral' };

export function UserRoleBadge({ role }: { role: UserRole }) {
  const t = useT();
  return (
    <Badge tone={TONES[role]} data-testid="user-role" data-role={role}>
      {t(`user.role.${role}`)}
    </Badge>
  );
}
