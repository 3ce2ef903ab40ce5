import type { ThemeConfig } from 'antd';
import { useEffect, useState } from 'react';

/**
 * A restrained government palette. Colours are chosen for WCAG 2.2 AA contrast on white
 * (primary #0b5cad ≈ 6.6:1, error #cf1322 ≈ 5.9:1, secondary text at 65% black ≈ 5.7:1).
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b5cad',
    colorLink: '#0b5cad',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'PingFang TC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Microsoft JhengHei', 'Noto Sans CJK SC', 'Noto Sans CJK TC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#0b3a75', headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff' },
  },
};

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
const reducedMotionTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };

/**
 * The theme, with antd's animations off for a reader who asked their system for reduced motion (WCAG 2.3.3):
 * dialogs and dropdowns then open and close at once, and nothing slides under the pointer.
 */
export function useTheme(): ThemeConfig {
  const [reduced, setReduced] = useState(() => typeof window !== 'undefined' && window.matchMedia?.(REDUCED_MOTION).matches === true);
  useEffect(() => {
    const query = window.matchMedia?.(REDUCED_MOTION);
    if (!query) return;
    const onChange = () => setReduced(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return reduced ? reducedMotionTheme : theme;
}
