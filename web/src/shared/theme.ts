import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
} from '@mantine/core';

/** A palette whose two darkest shades are replaced (shade 9 is the text, fill and outline colour here). */
function darkened(name: 'orange' | 'green', shade8: string, shade9: string): MantineColorsTuple {
  const [s0, s1, s2, s3, s4, s5, s6, s7] = DEFAULT_THEME.colors[name];
  return [s0, s1, s2, s3, s4, s5, s6, s7, shade8, shade9];
}

/**
 * Mantine's defaults fail WCAG AA contrast in places (filled blue buttons, dimmed and error text).
 * Shade 9 of the palette passes 4.5:1 against white for blue, red and gray; orange and green (approval
 * pending, consent in force) get darker shades 8 and 9, which pass 4.5:1 against white, their own light
 * backgrounds and the striped table rows (Mantine's orange 9 is 4.3:1 against white, green 9 3.8:1 on
 * green 1).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  colors: {
    orange: darkened('orange', '#b33d0b', '#a63a0c'),
    green: darkened('green', '#237032', '#1e6b2f'),
  },
  primaryShade: { light: 9, dark: 8 },
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
    // Light and subtle variants (badges, alerts, buttons) one shade lighter, hover included: blue 9 and
    // red 9 text fail 4.5:1 on the default hover background (shade 2).
    '--mantine-color-blue-light': 'var(--mantine-color-blue-0)',
    '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-1)',
    '--mantine-color-red-light': 'var(--mantine-color-red-0)',
    '--mantine-color-red-light-hover': 'var(--mantine-color-red-1)',
  },
  dark: {},
});
