/** Entry of the playground client. */
import './elements/cors-lab-app.ts';
