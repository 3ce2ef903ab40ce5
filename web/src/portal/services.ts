import {
  ApiOutlined,
  FileProtectOutlined,
  FolderOpenOutlined,
  GiftOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { MessageId } from '../i18n/i18n';

export interface PortalService {
  key: string;
  titleId: MessageId;
  descId: MessageId;
  icon: ComponentType;
  /** The service's page once it is built; until then the card says "coming soon". */
  path?: string;
}

export const portalServices: PortalService[] = [
  { key: 'data-customs', titleId: 'portal.service.dataCustoms.title', descId: 'portal.service.dataCustoms.desc', icon: SafetyCertificateOutlined, path: '/portal/customs' },
  { key: 'data-property', titleId: 'portal.service.dataProperty.title', descId: 'portal.service.dataProperty.desc', icon: FileProtectOutlined, path: '/portal/registry' },
  { key: 'taiwan-hall', titleId: 'portal.service.taiwanHall.title', descId: 'portal.service.taiwanHall.desc', icon: TeamOutlined, path: '/portal/services' },
  { key: 'benefits', titleId: 'portal.service.benefits.title', descId: 'portal.service.benefits.desc', icon: GiftOutlined, path: '/portal/benefits' },
  { key: 'open-data', titleId: 'portal.service.openData.title', descId: 'portal.service.openData.desc', icon: ApiOutlined, path: '/portal/open-data' },
  { key: 'archives', titleId: 'portal.service.archives.title', descId: 'portal.service.archives.desc', icon: FolderOpenOutlined },
];
