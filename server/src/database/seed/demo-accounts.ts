import type { UserRole } from '@nguon/shared';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../auth/password.js';
import { UserEntity } from '../../auth/user.entity.js';

/** One password for every demo account; it is printed in the README, so it protects nothing. */
export const DEMO_PASSWORD = 'nguon-demo-2026';

export interface DemoAccount {
  email: string;
  displayName: string;
  role: UserRole;
  /** What the README's table says the account is for. */
  purpose: string;
}

/**
 * The demo's accounts, one for each role. They exist only here: nothing else in the portal
 * creates accounts with a known password.
 */
export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@demo.nguon.vn', displayName: 'Quản trị Nguồn', role: 'admin', purpose: 'Administrator: verifies businesses' },
  inspector: {
    email: 'inspector@demo.nguon.vn',
    displayName: 'Trần Thị Mai (Chi cục QLCL Nông lâm sản Hà Tĩnh)',
    role: 'inspector',
    purpose: 'Inspector: reads everything',
  },
  pomeloOwner: {
    email: 'buoi.phuctrach@demo.nguon.vn',
    displayName: 'Nguyễn Văn Hùng',
    role: 'member',
    purpose: 'Owner, HTX Bưởi Phúc Trạch Hương Khê',
  },
  pomeloStaff: {
    email: 'nhanvien.phuctrach@demo.nguon.vn',
    displayName: 'Phan Thị Lan',
    role: 'member',
    purpose: 'Staff, HTX Bưởi Phúc Trạch Hương Khê',
  },
  distributorOwner: {
    email: 'phanphoi.hanoi@demo.nguon.vn',
    displayName: 'Lê Minh Tuấn',
    role: 'member',
    purpose: 'Owner, Công ty TNHH Nông sản Sạch Thủ Đô (Hà Nội distributor)',
  },
  orangeOwner: { email: 'cam.huongson@demo.nguon.vn', displayName: 'Võ Văn Thắng', role: 'member', purpose: 'Owner, HTX Cam bù Hương Sơn' },
  juiceOwner: {
    email: 'nuocep.honglinh@demo.nguon.vn',
    displayName: 'Đặng Thu Hà',
    role: 'member',
    purpose: 'Owner, Công ty CP Thực phẩm Hồng Lĩnh (juice factory)',
  },
  honeyOwner: { email: 'ongmat.vuquang@demo.nguon.vn', displayName: 'Hồ Sỹ Nam', role: 'member', purpose: 'Owner, HTX Ong mật Vũ Quang' },
} as const satisfies Record<string, DemoAccount>;

export type DemoAccountKey = keyof typeof DEMO_ACCOUNTS;
export type DemoUserIds = Record<DemoAccountKey, string>;

/**
 * The demo users are inserted with a real argon2 hash of the demo password (the administrator
 * and inspector could not sign up themselves anyway). A user left by an interrupted earlier seed
 * is reused rather than duplicated.
 */
export async function createDemoUsers(db: DataSource): Promise<DemoUserIds> {
  const repo = db.getRepository(UserEntity);
  const passwordHashes = await Promise.all(Object.keys(DEMO_ACCOUNTS).map(() => hashPassword(DEMO_PASSWORD)));
  const entries = await Promise.all(
    (Object.entries(DEMO_ACCOUNTS) as [DemoAccountKey, DemoAccount][]).map(async ([key, account], n) => {
      const existing = await repo.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: account.email }).getOne();
      const user =
        existing ??
        (await repo.save(
          repo.create({
            email: account.email,
            passwordHash: passwordHashes[n]!,
            displayName: account.displayName,
            role: account.role,
            emailVerifiedAt: new Date(),
          }),
        ));
      return [key, user.id] as const;
    }),
  );
  return Object.fromEntries(entries) as DemoUserIds;
}
