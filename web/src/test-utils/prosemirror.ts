/**
 * jsdom has no layout: ProseMirror (the rich-text editor under TipTap) asks for the rectangles of ranges and
 * elements to scroll the selection into view. Empty rectangles let it carry on. Imported by the tests that
 * render the content editor.
 */
if (typeof window !== 'undefined') {
  const emptyRect = () => ({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    bottom: 0,
    right: 0,
    width: 0,
    height: 0,
    toJSON: () => ({}),
  });
  const emptyList = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  if (!Range.prototype.getClientRects) Range.prototype.getClientRects = emptyList;
  if (!Range.prototype.getBoundingClientRect)
    Range.prototype.getBoundingClientRect = () => emptyRect() as DOMRect;
  if (!document.elementFromPoint) document.elementFromPoint = () => null;
}
if (typeof window !== 'undefined' && !Selection.prototype.modify) Selection.prototype.modify = () => {};
