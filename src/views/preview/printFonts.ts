// The shipped print fonts, registered with the browser as the preview loads (their @font-face
// rules; each font file is fetched from this site only when a text uses it). The families match
// FONT_FAMILIES in the domain.
import '@fontsource/inter/400.css';
import '@fontsource/bebas-neue/400.css';
import '@fontsource/pacifico/400.css';
import '@fontsource/roboto-slab/400.css';
import '@fontsource/space-mono/400.css';
