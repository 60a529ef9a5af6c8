import type { CSSProperties } from 'react';

interface PictureProps {
  src: string;
  alt: string;
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  maxHeight?: CSSProperties['maxHeight'];
  fit?: 'cover' | 'contain';
}

/** An image of the item (a thumbnail, a preview), never wider than its container. */
export function Picture({ src, alt, width, height, maxHeight, fit = 'cover' }: PictureProps) {
  return (
    <img
      src={src}
      alt={alt}
      style={{
        display: 'block',
        width,
        height,
        maxHeight,
        maxWidth: '100%',
        objectFit: fit,
        borderRadius: 'var(--mantine-radius-sm)',
      }}
    />
  );
}
