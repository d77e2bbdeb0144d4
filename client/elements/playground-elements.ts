/**
 * The elements of the playground that a lesson page does not show, downloaded by main.ts
 * with the app only when the page is the playground (issue 16: the first load). The editor
 * is not here: it downloads when its section is first opened; nor is the check of a stale
 * Expect, which downloads with the first experiment that is not a catalog entry (cors-lab-app.ts).
 */
import './cors-lab-catalog.ts';
import './cors-lab-start.ts';
import './cors-lab-prediction.ts';
import './cors-lab-log.ts';
