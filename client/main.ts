/** Entry of the playground client. */
import './cors-lab-origins.ts';
