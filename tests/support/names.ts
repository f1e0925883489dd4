export const TEMPLATE_DATABASE = "pressroom_template";
