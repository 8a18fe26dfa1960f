import { Outlet } from 'react-router';
import { SiteFrame } from './site-frame';

/** The public pages: a narrow column that reads well on a phone. */
export function ConsumerLayout() {
  return (
    <SiteFrame>
      <Outlet />
    </SiteFrame>
  );
}
