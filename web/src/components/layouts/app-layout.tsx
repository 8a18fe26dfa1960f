import { Outlet } from 'react-router';
import { SiteFrame } from './site-frame';

/** Account, business and administration pages: the same frame, with room for lists and forms. */
export function AppLayout() {
  return (
    <SiteFrame wide>
      <Outlet />
    </SiteFrame>
  );
}
